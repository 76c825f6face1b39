// An async Express 4 TypeScript route builds a URL from the next query parameter with new URL, with no try/catch.
import express, { Request, Response } from 'express';

const app = express();
const ALLOWED_HOSTS = new Set(['app.example.com', 'docs.example.com']);

app.get('/login/done', async (req: Request, res: Response) => {
  const target = new URL(req.query.next as string); // expect: swallowed-crash
  if (!ALLOWED_HOSTS.has(target.hostname)) return res.redirect('/');
  res.redirect(target.toString());
});

app.listen(3000);
