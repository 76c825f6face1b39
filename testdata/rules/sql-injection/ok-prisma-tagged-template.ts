import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();

// The tagged template sends `year` as a parameter.
app.get('/reports', async (req, res) => {
  const year = Number(req.query.year);
  res.json(await prisma.$queryRaw`SELECT * FROM sales WHERE year = ${req.query.year} OR year = ${year}`);
});

app.listen(3000);
