package com.eoc.accounts.command.account;

import com.eoc.accounts.command.account.Commands.AccountCommand;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Sends a command and waits for its outcome. */
@Component
class AccountCommands {

    private final CommandGateway gateway;
    private final TransactionTemplate transactions;

    AccountCommands(CommandGateway gateway, PlatformTransactionManager transactionManager) {
        this.gateway = gateway;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Runs work that writes beside a command in the transaction the command's events join. */
    <R> R inOneTransaction(Supplier<R> work) {
        return transactions.execute(status -> work.get());
    }

    <R> R send(AccountCommand command) {
        return gateway.sendAndWait(command);
    }
}
