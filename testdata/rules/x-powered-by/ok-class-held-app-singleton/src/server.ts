import express, { Express } from 'express';

// Holds the single Express app of the process. Routes are added by the
// feature modules through Server.instance.app.
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
    this.app.use(express.json());
  }
}
