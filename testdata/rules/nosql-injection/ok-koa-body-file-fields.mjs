// koa-body's uploads are formidable files: their names and types are
// strings, never query objects.
import Koa from 'koa';
import Router from '@koa/router';
import { koaBody } from 'koa-body';
import mongoose from 'mongoose';

const Asset = mongoose.model('Asset', new mongoose.Schema({ name: String, type: String }));
const app = new Koa();
const router = new Router();

router.post('/assets', koaBody({ multipart: true }), async (ctx) => {
  const file = ctx.request.files.asset;
  ctx.body = await Asset.findOne({ name: file.originalFilename, type: file.mimetype });
});

app.use(router.routes());
app.listen(3000);
