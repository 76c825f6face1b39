// A controller turns any provider failure into a 500 carrying the provider's message.
import { Body, Controller, InternalServerErrorException, Post } from '@nestjs/common';
import { PaymentsService } from './payments.service';

class ChargeDto {
  customerId!: string;
  amount!: number;
}

@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('charge')
  async charge(@Body() body: ChargeDto) {
    try {
      const intent = await this.payments.charge(body.customerId, body.amount);
      return { id: intent.id, status: intent.status };
    } catch (err) {
      throw new InternalServerErrorException((err as Error).message); // expect: chatty-error
    }
  }
}
