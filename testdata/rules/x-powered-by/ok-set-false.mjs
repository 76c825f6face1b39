import express from 'express';
import cookieParser from 'cookie-parser';

const app = express();

app.set('x-powered-by', false);
app.set('trust proxy', 'loopback');

app.use(cookieParser());
app.use(express.json());

app.get('/api/preferences', (req, res) => {
  res.json({ theme: req.cookies.theme === 'dark' ? 'dark' : 'light' });
});

app.listen(Number(process.env.PORT ?? 3000));
