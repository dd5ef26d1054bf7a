package com.towerco.events.contract;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Record accessors as plain functional objects, made once per field with
 * {@link LambdaMetafactory}, so the validator reads a field as fast as a lambda would (no
 * reflective call, no boxing of primitives). Falls back to reflection where the JVM refuses
 * (a record the lookup cannot see), which only tests meet.
 */
final class Accessors {
  private Accessors() {}

  @SuppressWarnings("unchecked")
  static Function<Object, Object> object(Method accessor) {
    Object made = make(accessor, Function.class, "apply",
        MethodType.methodType(Object.class, Object.class));
    return made != null ? (Function<Object, Object>) made : record -> invoke(accessor, record);
  }

  @SuppressWarnings("unchecked")
  static ToDoubleFunction<Object> doubles(Method accessor) {
    Object made = make(accessor, ToDoubleFunction.class, "applyAsDouble",
        MethodType.methodType(double.class, Object.class));
    return made != null ? (ToDoubleFunction<Object>) made
        : record -> (Double) invoke(accessor, record);
  }

  @SuppressWarnings("unchecked")
  static ToIntFunction<Object> ints(Method accessor) {
    Object made = make(accessor, ToIntFunction.class, "applyAsInt",
        MethodType.methodType(int.class, Object.class));
    return made != null ? (ToIntFunction<Object>) made
        : record -> (Integer) invoke(accessor, record);
  }

  private static Object make(Method accessor, Class<?> face, String method, MethodType erased) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(accessor.getDeclaringClass(),
          MethodHandles.lookup());
      MethodHandle target = lookup.unreflect(accessor);
      MethodType instantiated = erased.returnType() == Object.class
          ? MethodType.methodType(target.type().returnType().isPrimitive()
              ? target.type().wrap().returnType() : target.type().returnType(),
              accessor.getDeclaringClass())
          : MethodType.methodType(erased.returnType(), accessor.getDeclaringClass());
      CallSite site = LambdaMetafactory.metafactory(lookup, method, MethodType.methodType(face),
          erased, target, instantiated);
      return site.getTarget().invoke();
    } catch (Throwable e) {
      return null;
    }
  }

  private static Object invoke(Method accessor, Object record) {
    try {
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("accessor failed: " + accessor, e.getCause());
    }
  }
}
