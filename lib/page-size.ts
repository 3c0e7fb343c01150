/** Page sizes of every list in the graph: the gateway counts an operation's cost with them too. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
