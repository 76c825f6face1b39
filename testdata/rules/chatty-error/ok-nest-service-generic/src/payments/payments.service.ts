// Talks to the payment provider.
import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';

@Injectable()
export class PaymentsService {
  private readonly stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2023-10-16' });

  async charge(customerId: string, amount: number) {
    return this.stripe.paymentIntents.create({ customer: customerId, amount, currency: 'eur', confirm: true });
  }
}
