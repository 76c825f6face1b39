import express from 'express';
import http from 'http';

// A framework's REST server: the Express app answers every request under
// the base path through one handler; the HTTP server gets the handler.
export class RestServer {
  protected expressApp?: express.Application;
  requestHandler?: express.Application;

  constructor(private readonly basePath: string = '/api') {}

  protected setupRequestHandler() {
    if (this.expressApp != null) return;
    this.expressApp = express(); // expect: x-powered-by
    this.requestHandler = this.expressApp;
    this.expressApp.use(this.basePath, (req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    });
  }

  start() {
    this.setupRequestHandler();
    return http.createServer(this.requestHandler);
  }
}
