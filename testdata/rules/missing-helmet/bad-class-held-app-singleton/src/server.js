const express = require('express');

// One Express app for the whole process. Modules that need to add routes or
// middleware reach it through Server.instance instead of passing it around.
class Server {
  app = undefined;

  static _instance = undefined;

  constructor() {
    this.app = express(); // expect: missing-helmet
    this.app.set('trust proxy', 1);
    this.app.use(express.json({ limit: '100kb' }));
  }

  static get instance() {
    return (Server._instance ??= new Server());
  }
}

module.exports = Server;
