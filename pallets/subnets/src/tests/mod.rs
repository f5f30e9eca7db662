mod network;
