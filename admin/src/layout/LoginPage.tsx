// The sign-in page, with the language switch so a first-time user can read it in either language.
import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login sx={{ backgroundImage: 'none', backgroundColor: '#1a3d6d' }}>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="h6" component="h1">
          {translate('app.title')}
        </Typography>
        <LocalesMenuButton />
      </Box>
      <LoginForm />
    </Login>
  );
}
