const Koa = require('koa');
const Router = require('@koa/router');
const { MongoClient } = require('mongodb');

const products = new MongoClient('mongodb://localhost').db('app').collection('products');
const app = new Koa();
const router = new Router();

// Koa parses the query string with querystring: strings and arrays only.
router.get('/products', async (ctx) => {
  ctx.body = await products.find({ name: ctx.query.name }).toArray();
});

app.use(router.routes());
app.listen(3000);
