package dev.schemagate.mutation;

import dev.schemagate.mutation.operator.AddTruncate;
import dev.schemagate.mutation.operator.ChangeBackfill;
import dev.schemagate.mutation.operator.ChangeColumnType;
import dev.schemagate.mutation.operator.ChangeDefault;
import dev.schemagate.mutation.operator.ChangeOnDelete;
import dev.schemagate.mutation.operator.DropCheck;
import dev.schemagate.mutation.operator.DropCopyStep;
import dev.schemagate.mutation.operator.DropDownStatement;
import dev.schemagate.mutation.operator.DropForeignKey;
import dev.schemagate.mutation.operator.DropIndex;
import dev.schemagate.mutation.operator.DropNotNull;
import dev.schemagate.mutation.operator.DropUnique;
import dev.schemagate.mutation.operator.ForgetDefault;
import dev.schemagate.mutation.operator.ForgetIndex;
import dev.schemagate.mutation.operator.ForgetNotNull;
import dev.schemagate.mutation.operator.ForgetType;
import dev.schemagate.mutation.operator.RemoveWhere;
import dev.schemagate.mutation.operator.RenameColumn;
import dev.schemagate.mutation.operator.ReorderDrops;
import dev.schemagate.mutation.operator.RestoreOtherType;
import dev.schemagate.mutation.operator.SwapCopyAndDrop;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The registry of mutation operators: the core ones, every dialect can run, and those of a dialect's provider. */
public final class MutationOperators {

    private MutationOperators() {
    }

    /** The operators every dialect gets, in report order. */
    public static List<MutationOperator> core() {
        return List.of(new ChangeColumnType(), new DropNotNull(), new DropCheck(), new DropUnique(), new DropForeignKey(),
                new ChangeOnDelete(), new ChangeDefault(), new RenameColumn(), new DropIndex(),
                new RemoveWhere(), new ChangeBackfill(), new DropCopyStep(), new AddTruncate(), new SwapCopyAndDrop(),
                new DropDownStatement(), new ForgetDefault(), new ForgetNotNull(), new ForgetIndex(), new ForgetType(),
                new RestoreOtherType(), new ReorderDrops());
    }

    /** The core operators and those the dialect's providers add. */
    public static List<MutationOperator> forDialect(String dialect) {
        List<MutationOperator> operators = new ArrayList<>(core());
        for (MutationOperatorProvider provider : ServiceLoader.load(MutationOperatorProvider.class)) {
            if (provider.dialect().equals(dialect)) {
                operators.addAll(provider.operators());
            }
        }
        return List.copyOf(operators);
    }
}
