// Shared test setup: no test may reach the network.
export {};
