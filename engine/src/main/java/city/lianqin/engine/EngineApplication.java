package city.lianqin.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the Camunda 7 engine with its REST API and webapps; all behaviour lives in BPMN, DMN and the workers. */
@SpringBootApplication
public class EngineApplication {
  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(EngineApplication.class);
    application.addListeners(new AdminPasswordRequired());
    application.run(args);
  }
}
