import express, { Express } from 'express';

// The process-wide Express app, created lazily on first access.
export class Server {
  private static _instance: Server | undefined;

  app: Express | undefined;

  private constructor() {}

  static get instance(): Server {
    if (!Server._instance) {
      Server._instance = new Server();
      Server._instance.init();
    }
    return Server._instance;
  }

  private init(): void {
    this.app = express();
    this.app.set('trust proxy', 1);
  }
}
