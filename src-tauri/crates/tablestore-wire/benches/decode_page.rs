fn main() {} // lead: temporary so the workspace builds; the wire helper replaces this file
