namespace CiBridge.Sandbox;
