// Koa's ctx.throw(500, message) does not send the message: Koa hides 5xx messages.
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
    ctx.throw(500, err.message);
  }
  if (!article) ctx.throw(404, 'Article not found');
  ctx.body = article;
});

app.on('error', (err) => console.error('server error', err));
app.use(router.routes());
mongo.connect().then(() => app.listen(3000));
