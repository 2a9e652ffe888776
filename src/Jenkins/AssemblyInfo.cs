namespace CiBridge.Jenkins;
