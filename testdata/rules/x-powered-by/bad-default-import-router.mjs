// The author meant express.Router(): the default import is the express()
// factory itself, so this creates a whole application (which is then mounted
// as a sub-app and sends its own X-Powered-By).
import Router from 'express';
import { listInvoices, getInvoice } from '../services/invoices.mjs';

const invoices = Router(); // expect: x-powered-by

invoices.get('/', async (req, res) => {
  res.json(await listInvoices(req.query));
});

invoices.get('/:id', async (req, res) => {
  const invoice = await getInvoice(req.params.id);
  if (!invoice) return res.sendStatus(404);
  res.json(invoice);
});

export default invoices;
