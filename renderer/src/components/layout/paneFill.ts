import { createContext } from 'react';

/**
 * True inside a pane that gives its content a fixed height (the list side of a MasterDetail):
 * a DataTable there fills the pane and scrolls its rows itself instead of capping its height.
 */
export const PaneFillContext = createContext(false);
