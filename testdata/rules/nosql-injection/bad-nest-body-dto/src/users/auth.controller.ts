import { Body, Controller, Post, UnauthorizedException } from '@nestjs/common';
import { LoginDto } from './login.dto';
import { UserModel } from './user.model';

// No ValidationPipe: the DTO type is erased, `dto.email` is whatever JSON sent.
@Controller('auth')
export class AuthController {
  @Post('login')
  async login(@Body() dto: LoginDto) {
    const user = await UserModel.findOne({ email: dto.email, password: dto.password }); // expect: nosql-injection
    if (!user) {
      throw new UnauthorizedException();
    }
    return { id: user.id };
  }
}
