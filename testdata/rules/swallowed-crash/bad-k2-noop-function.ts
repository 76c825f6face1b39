// A Koa route hands a score-then-cache chain to `.catch(noop)`, where noop is an empty function.
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import Redis from 'ioredis';

function noop() {}

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const app = new Koa();
const router = new Router();

router.get('/leaderboard', async (ctx) => {
  ctx.body = await redis.zrevrange('scores', 0, 9, 'WITHSCORES');
});

router.post('/scores', async (ctx) => {
  const { player, score } = ctx.request.body as { player: string; score: number };
  redis.zadd('scores', Number(score), String(player)).then(() => redis.del('leaderboard:html')).catch(noop); // expect: swallowed-crash
  ctx.status = 202;
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
