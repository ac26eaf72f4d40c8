package io.modelcompose.shared.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary operators. Numeric strings count as numbers; integers stay integers (long, falling back to
 * BigInteger on overflow); a decimal operand gives a double; {@code /} of integers is exact when it can be.
 * {@code +} concatenates text when an operand is a non-numeric string, and joins two lists.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static Object apply(char operator, Object left, Object right, int leftPosition, int rightPosition) {
        Number a = Values.toNumber(left);
        Number b = Values.toNumber(right);
        if (a != null && b != null) {
            return compute(operator, a, b, rightPosition);
        }
        if (operator == '+' && left != null && right != null) {
            Object joined = join(left, right);
            if (joined != null) {
                return joined;
            }
        }
        boolean leftFails = a == null;
        throw notApplicable(operator, leftFails ? left : right, leftFails ? leftPosition : rightPosition);
    }

    private static Object join(Object left, Object right) {
        if (left instanceof String || right instanceof String) {
            return Values.toText(left).concat(Values.toText(right));
        }
        if (left instanceof List<?> first && right instanceof List<?> second) {
            List<Object> joined = new ArrayList<>(first.size() + second.size());
            joined.addAll(first);
            joined.addAll(second);
            return joined;
        }
        return null;
    }

    private static EvalFailure notApplicable(char operator, Object operand, int position) {
        String why = operand == null ? "a missing value" : operator == '+' ? "not a number or text" : "not a number";
        return new EvalFailure("cannot apply '" + operator + "' to " + Values.describe(operand) + " (" + why + ")",
                position);
    }

    private static Object compute(char operator, Number a, Number b, int divisorPosition) {
        if (operator == '/' && isZero(b)) {
            throw new EvalFailure("division by zero", divisorPosition);
        }
        if (isIntegral(a) && isIntegral(b)) {
            if (a instanceof BigInteger || b instanceof BigInteger) {
                return big(operator, toBig(a), toBig(b));
            }
            return exact(operator, a.longValue(), b.longValue());
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return decimal(operator, toDecimal(a), toDecimal(b));
        }
        return finite(floating(operator, a.doubleValue(), b.doubleValue()), divisorPosition);
    }

    private static Object exact(char operator, long a, long b) {
        try {
            return switch (operator) {
                case '+' -> Math.addExact(a, b);
                case '-' -> Math.subtractExact(a, b);
                case '*' -> Math.multiplyExact(a, b);
                default -> divide(a, b);
            };
        } catch (ArithmeticException overflow) {
            return big(operator, BigInteger.valueOf(a), BigInteger.valueOf(b));
        }
    }

    private static Object divide(long a, long b) {
        if (a % b != 0) {
            return (double) a / b;
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new ArithmeticException("long overflow");
        }
        return a / b;
    }

    private static Object big(char operator, BigInteger a, BigInteger b) {
        return switch (operator) {
            case '+' -> normalize(a.add(b));
            case '-' -> normalize(a.subtract(b));
            case '*' -> normalize(a.multiply(b));
            default -> {
                BigInteger[] quotient = a.divideAndRemainder(b);
                yield quotient[1].signum() == 0 ? normalize(quotient[0])
                        : new BigDecimal(a).divide(new BigDecimal(b), MathContext.DECIMAL64).doubleValue();
            }
        };
    }

    private static Object decimal(char operator, BigDecimal a, BigDecimal b) {
        return switch (operator) {
            case '+' -> a.add(b);
            case '-' -> a.subtract(b);
            case '*' -> a.multiply(b);
            default -> a.divide(b, MathContext.DECIMAL128);
        };
    }

    private static double floating(char operator, double a, double b) {
        return switch (operator) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            default -> a / b;
        };
    }

    private static Object finite(double result, int position) {
        if (!Double.isFinite(result)) {
            throw new EvalFailure("the result is out of range", position);
        }
        return result;
    }

    static Number normalize(BigInteger value) {
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }

    static boolean isIntegral(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof BigInteger
                || number instanceof Short || number instanceof Byte;
    }

    private static boolean isZero(Number number) {
        if (number instanceof BigInteger big) {
            return big.signum() == 0;
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.signum() == 0;
        }
        return isIntegral(number) ? number.longValue() == 0 : number.doubleValue() == 0.0;
    }

    private static BigInteger toBig(Number number) {
        return number instanceof BigInteger big ? big : BigInteger.valueOf(number.longValue());
    }

    private static BigDecimal toDecimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        return number instanceof BigInteger big ? new BigDecimal(big) : new BigDecimal(number.toString());
    }
}
