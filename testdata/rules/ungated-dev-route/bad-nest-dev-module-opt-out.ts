import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const featureFlags: Record<string, boolean> = { newCheckout: false };

@Controller('dev') // expect: ungated-dev-route
class DevToolsController {
  @Get('flags')
  flags() {
    return featureFlags;
  }

  @Post('flags')
  setFlag(@Body() body: { name: string; enabled: boolean }) {
    featureFlags[body.name] = Boolean(body.enabled);
    return featureFlags;
  }
}

@Module({ controllers: [DevToolsController] })
class DevToolsModule {}

@Controller('orders')
class OrdersController {
  @Get()
  list() {
    return [];
  }
}

// Opt-out: the dev tools are loaded unless DISABLE_DEV_TOOLS=true is set.
@Module({
  imports: [...(process.env.DISABLE_DEV_TOOLS === 'true' ? [] : [DevToolsModule])],
  controllers: [OrdersController],
})
class AppModule {}

NestFactory.create(AppModule).then((app) => app.listen(3000));
