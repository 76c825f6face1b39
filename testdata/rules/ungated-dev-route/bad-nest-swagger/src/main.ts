import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);

  const config = new DocumentBuilder()
    .setTitle('Billing API')
    .setVersion('2.1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);

  // Docs for everyone but production... as long as production sets NODE_ENV.
  if (process.env.NODE_ENV !== 'production') {
    SwaggerModule.setup('docs', app, document); // expect: ungated-dev-route
  }

  await app.listen(Number(process.env.PORT ?? 3000));
}

void bootstrap();
