// A Koa route saves a report with fs.writeFile and throws the error in the callback, where Koa cannot catch it.
const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const REPORT_DIR = process.env.REPORT_DIR || '/var/lib/reports';
const app = new Koa();
const router = new Router();

router.post('/reports', async (ctx) => {
  const report = { id: crypto.randomUUID(), title: String(ctx.request.body.title), rows: ctx.request.body.rows };
  fs.writeFile(path.join(REPORT_DIR, `${report.id}.json`), JSON.stringify(report), (err) => {
    if (err) throw err; // expect: swallowed-crash
  });
  ctx.status = 202;
  ctx.body = { id: report.id };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
