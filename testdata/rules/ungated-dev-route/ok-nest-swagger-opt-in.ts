import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

@Controller('invoices')
class InvoicesController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return { id, status: 'open' };
  }
}

@Module({ controllers: [InvoicesController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);

  // API docs are opt-in: the staging deployment sets ENABLE_DOCS=true.
  if (process.env.ENABLE_DOCS === 'true') {
    const config = new DocumentBuilder().setTitle('Billing API').setVersion('2.1').build();
    const document = SwaggerModule.createDocument(app, config);
    SwaggerModule.setup('docs', app, document);
  }

  await app.listen(Number(process.env.PORT ?? 3000));
}

void bootstrap();
