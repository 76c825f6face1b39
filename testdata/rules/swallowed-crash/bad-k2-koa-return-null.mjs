// A Koa app's location helper returns null on any error of its two awaited calls, so every failure reads as "unknown location".
import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();

async function lookupLocation(ip) {
  try {
    const response = await fetch(`https://geo.example.com/v1/ip/${ip}`);
    const data = await response.json();
    return { city: data.city, country: data.country_code };
  } catch (err) { return null; } // expect: swallowed-crash
}

router.get('/whereami', async (ctx) => {
  const location = await lookupLocation(ctx.ip);
  ctx.body = location ?? { city: 'unknown', country: 'unknown' };
});

app.use(router.routes());
app.listen(3000);
