import express from 'express';
import swaggerUi from 'swagger-ui-express';
import { readFile } from 'node:fs/promises';

const openapi = JSON.parse(await readFile(new URL('./openapi.json', import.meta.url), 'utf8'));

const app = express();
app.use(express.json());

app.get('/v1/accounts/:id', (req, res) => {
  res.json({ id: req.params.id, balance: 0 });
});

app.post('/v1/transfers', (req, res) => {
  res.status(202).json({ status: 'queued' });
});

// Interactive API explorer, including "Try it out" against the live API.
app.use('/docs', swaggerUi.serve, swaggerUi.setup(openapi)); // expect: ungated-dev-route

app.listen(8080, () => console.log('ledger api on :8080'));
