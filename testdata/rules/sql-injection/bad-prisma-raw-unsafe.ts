import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();

app.get('/reports', async (req, res) => {
  const year = req.query.year;
  res.json(await prisma.$queryRawUnsafe(`SELECT * FROM sales WHERE year = ${year}`)); // expect: sql-injection
});

app.listen(3000);
