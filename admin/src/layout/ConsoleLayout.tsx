import { Layout, type LayoutProps } from 'react-admin';

import { ConsoleMenu } from './ConsoleMenu';

/**
 * The content column may shrink below its widest content (a wide table, a long agency name): such content scrolls or
 * wraps inside its card instead of pushing the whole page sideways.
 */
export function ConsoleLayout(props: LayoutProps) {
  return <Layout {...props} menu={ConsoleMenu} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }} />;
}
