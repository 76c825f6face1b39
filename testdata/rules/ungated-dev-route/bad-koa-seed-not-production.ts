import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { prisma } from './prisma';
import { demoTenants } from './demo-data';

const app = new Koa();
const router = new Router({ prefix: '/api' });

router.get('/tenants', async (ctx) => {
  ctx.body = await prisma.tenant.findMany({ take: 50 });
});

// Fill an empty database with demo tenants for local work and staging.
// "Not production" is also every deployment that leaves NODE_ENV unset.
if (process.env.NODE_ENV !== 'production') {
  router.post('/seed', async (ctx: Koa.Context) => { // expect: ungated-dev-route
    await prisma.tenant.deleteMany();
    const result = await prisma.tenant.createMany({ data: demoTenants });
    ctx.body = { created: result.count };
  });
}

app.use(bodyParser());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT ?? 3000));
