import type { FastifyReply, FastifyRequest } from 'fastify';
import { invoiceRepository } from '../repositories/invoices';

type ListQuery = { customer?: string; order?: string };

export async function listInvoices(request: FastifyRequest<{ Querystring: ListQuery }>, reply: FastifyReply) {
  const { customer, order = 'issued_at DESC' } = request.query;
  return reply.send(await invoiceRepository.list(customer ?? '', order));
}

export async function invoiceTotals(request: FastifyRequest<{ Params: { currency: string } }>) {
  const currency = request.params.currency;
  return invoiceRepository.totals(currency);
}
