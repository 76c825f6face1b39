// Koa's ctx.throw with { expose: true } sends the 500's message to the client.
const Koa = require('koa');
const Router = require('@koa/router');
const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL);
const app = new Koa();
const router = new Router();

router.get('/articles/:slug', async (ctx) => {
  let article;
  try {
    article = await mongo.db('blog').collection('articles').findOne({ slug: ctx.params.slug });
  } catch (err) {
    ctx.throw(500, err.message, { expose: true }); // expect: chatty-error
  }
  if (!article) ctx.throw(404, 'Article not found');
  ctx.body = article;
});

app.use(router.routes());
mongo.connect().then(() => app.listen(3000));
