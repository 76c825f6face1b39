const Koa = require('koa');
const Router = require('@koa/router');
const Database = require('better-sqlite3');

const db = new Database('app.db');
const app = new Koa();
const router = new Router();

router.get('/notes/:id', (ctx) => {
  ctx.body = db.prepare('SELECT * FROM notes WHERE id = ' + ctx.params.id).get(); // expect: sql-injection
});

app.use(router.routes());
app.listen(3000);
