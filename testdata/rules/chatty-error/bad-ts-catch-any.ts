// A TypeScript Express handler sends e.message from a `catch (e: any)` with a 500.
import express, { Request, Response } from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

app.get('/api/projects', async (req: Request, res: Response) => {
  try {
    const projects = await prisma.project.findMany({ where: { ownerId: String(req.query.owner) } });
    res.json(projects);
  } catch (e: any) {
    res.status(500).send({ error: e.message }); // expect: chatty-error
  }
});

app.listen(3000, () => console.log('listening on 3000'));
