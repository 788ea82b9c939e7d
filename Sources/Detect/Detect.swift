// Detect
