import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** Sober colours of a provincial office: deep blue, the red of official seals for accents. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1a3d6d' },
    secondary: { main: '#a4161a' },
    background: { default: '#f4f5f7' },
  },
  typography: { fontFamily: '"Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif' },
  components: {
    ...defaultTheme.components,
    RaAppBar: { styleOverrides: { root: { '& .RaAppBar-toolbar': { backgroundColor: '#1a3d6d' } } } },
  },
};
