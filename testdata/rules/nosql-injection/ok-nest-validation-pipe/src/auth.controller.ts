import { Body, Controller, Post } from '@nestjs/common';
import { LoginDto } from './login.dto';
import { UserModel } from './user.model';

// The global ValidationPipe rejects a body whose email or password is not a string.
@Controller('auth')
export class AuthController {
  @Post('login')
  async login(@Body() dto: LoginDto) {
    const user = await UserModel.findOne({ email: dto.email, password: dto.password });
    return { ok: Boolean(user) };
  }
}
