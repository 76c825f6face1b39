// A provider failure is logged and turned into an InternalServerErrorException with a fixed message.
import { Body, Controller, InternalServerErrorException, Logger, Post } from '@nestjs/common';
import { PaymentsService } from './payments.service';

class ChargeDto {
  customerId!: string;
  amount!: number;
}

@Controller('payments')
export class PaymentsController {
  private readonly logger = new Logger(PaymentsController.name);

  constructor(private readonly payments: PaymentsService) {}

  @Post('charge')
  async charge(@Body() body: ChargeDto) {
    try {
      const intent = await this.payments.charge(body.customerId, body.amount);
      return { id: intent.id, status: intent.status };
    } catch (err) {
      this.logger.error('charge failed', (err as Error).stack);
      throw new InternalServerErrorException('Payment could not be processed');
    }
  }
}
