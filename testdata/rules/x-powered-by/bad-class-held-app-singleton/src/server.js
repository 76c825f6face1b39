const express = require('express');

// Lazily created, process-wide app: feature modules add their routes through
// Server.instance.app so there is exactly one place that owns the server.
class Server {
  app = undefined;

  static _instance = undefined;

  constructor() {
    this.app = express(); // expect: x-powered-by
    this.app.set('trust proxy', 'loopback');
    this.app.use(express.json());
  }

  static get instance() {
    return (Server._instance ??= new Server());
  }
}

module.exports = Server;
