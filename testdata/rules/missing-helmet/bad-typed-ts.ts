import express, { type Application, type Request, type Response } from 'express';
import cors from 'cors';

export class Server {
  private readonly app: Application;

  constructor(private readonly port: number) {
    this.app = express(); // expect: missing-helmet
    this.app.use(cors());
    this.app.use(express.json());
    this.routes();
  }

  private routes(): void {
    this.app.get('/api/status', (_req: Request, res: Response) => {
      res.json({ ok: true });
    });
  }

  start(): void {
    this.app.listen(this.port, () => console.log(`listening on ${this.port}`));
  }
}

new Server(Number(process.env.PORT) || 3000).start();
