import Koa from 'koa';
import cors from '@koa/cors';
import bodyParser from 'koa-bodyparser';
import mount from 'koa-mount';

import { errorHandler, requestLogger } from './middleware.mjs';
import articlesRouter from './routes/articles.mjs';
import adminRouter from './routes/admin.mjs';
import legacyApp from './legacy/app.mjs';

const app = new Koa();
app.proxy = true;

app.use(errorHandler);
app.use(requestLogger);
app.use(cors({ origin: process.env.CORS_ORIGIN ?? 'http://localhost:5173' }));
app.use(bodyParser());

app.use(mount('/legacy', legacyApp));

app.use(articlesRouter.routes());
app.use(articlesRouter.allowedMethods());

app.use(adminRouter.routes());
app.use(adminRouter.allowedMethods());

app.on('error', (err) => {
  console.error(err);
});

export default app;
