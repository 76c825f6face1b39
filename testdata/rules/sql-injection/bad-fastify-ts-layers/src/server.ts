import Fastify from 'fastify';
import { listInvoices, invoiceTotals } from './controllers/invoices';

const app = Fastify({ logger: true });

app.get('/invoices', listInvoices);
app.get('/invoices/totals/:currency', invoiceTotals);

app.listen({ port: 3000 });
