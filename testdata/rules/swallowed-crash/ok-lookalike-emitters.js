const Koa = require('koa');
const mongoose = require('mongoose');
const { EventEmitter } = require('events');

const app = new Koa();
const jobs = new EventEmitter();

app.use(async (ctx) => {
  ctx.body = 'ok';
});

// Error events on other emitters, not process crash handlers.
app.on('error', (err, ctx) => {
  console.error('request failed', ctx && ctx.path, err);
});

mongoose.connection.on('error', console.error);

jobs.on('uncaughtException', (err) => {
  console.error('job failed', err);
});

const server = app.listen(3000);
server.on('error', (err) => console.error('server error', err));
