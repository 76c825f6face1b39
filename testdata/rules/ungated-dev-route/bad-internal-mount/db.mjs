import createKnex from 'knex';

// One pool for the whole service.
const knex = createKnex({
  client: 'pg',
  connection: process.env.DATABASE_URL ?? 'postgres://localhost/orders',
  pool: { min: 0, max: 10 },
  migrations: { directory: './migrations' },
  seeds: { directory: './seeds' },
});

export default knex;
