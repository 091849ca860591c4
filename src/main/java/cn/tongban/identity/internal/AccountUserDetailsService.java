package cn.tongban.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a user by ID number, mobile number or staff user name for every channel's login. */
@Service
class AccountUserDetailsService implements UserDetailsService {
  private final Accounts accounts;

  AccountUserDetailsService(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String login) {
    String l = login == null ? "" : login.trim();
    if (l.length() > 100) {
      throw new UsernameNotFoundException("login too long"); // no account has one; nothing to look up
    }
    return accounts.byLogin(l).map(Account::toUser).orElseThrow(() -> new UsernameNotFoundException("unknown login"));
  }
}
