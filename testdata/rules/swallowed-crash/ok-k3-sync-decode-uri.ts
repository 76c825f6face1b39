// Sync TypeScript Express 4 routes that call decodeURIComponent and new URL on request data: Express catches a sync throw.
import express, { Request, Response } from 'express';

const app = express();
const ALLOWED_HOSTS = new Set(['app.example.com']);

app.get('/tags/:tag', (req: Request, res: Response) => {
  const tag = decodeURIComponent(req.params.tag);
  res.json({ tag, posts: [] });
});

app.get('/login/done', (req: Request, res: Response) => {
  const target = new URL(req.query.next as string);
  res.redirect(ALLOWED_HOSTS.has(target.hostname) ? target.toString() : '/');
});

app.listen(3000);
